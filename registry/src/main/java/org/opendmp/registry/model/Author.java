package org.opendmp.registry.model;

import java.util.List;

/** One author of a DocumentEntry or SubmissionSet (the author Classification and its slots). */
public record Author(String person, List<String> institutions, List<String> roles,
                     List<String> specialties, List<String> telecommunications) {
}
