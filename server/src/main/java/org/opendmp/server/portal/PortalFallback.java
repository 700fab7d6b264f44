package org.opendmp.server.portal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any other path or method under the portal API: a JSON 404 like every other refusal of the API. */
@RestController
class PortalFallback {

    @RequestMapping(PatientPortalController.BASE + "/**")
    ResponseEntity<PortalError> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(new PortalError("not_found", "no such resource in the patient portal API, or not with this"
                        + " method"));
    }
}
