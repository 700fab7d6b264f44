/**
 * The affinity domain: the value sets an XDS registry accepts for its coded metadata
 * (IHE ITI TF-3 4.1, "XDS Affinity Domain"). A coded attribute (classCode, typeCode, ...)
 * either has a value set, and a submitted code must be in it, or has none, and any well-formed
 * code is accepted.
 *
 * <p>Value sets are plain data files, one per attribute, shipped as profiles under
 * {@code affinity-domains/<profile>/} on the classpath ({@code dmp}: the French DMP's value sets;
 * {@code ihe-test}: none) and replaceable file by file from a directory. Format and sources:
 * docs/AFFINITY-DOMAIN.md.
 */
package org.opendmp.registry.affinity;
