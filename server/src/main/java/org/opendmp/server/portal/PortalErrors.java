package org.opendmp.server.portal;

import java.util.Locale;
import org.opendmp.pixpdq.habilitation.HabilitationRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure of the portal API into a JSON {@link PortalError}: refusals with their status,
 * an unreadable body 400, anything unexpected 500 without detail. Never a stack trace, never patient
 * data (unexpected failures are logged by exception type only).
 */
@RestControllerAdvice(assignableTypes = PatientPortalController.class)
class PortalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PortalErrors.class);

    @ExceptionHandler(PortalException.class)
    ResponseEntity<PortalError> refused(PortalException e) {
        return json(e.status(), e.body());
    }

    @ExceptionHandler(HabilitationRefusal.class)
    ResponseEntity<PortalError> refused(HabilitationRefusal e) {
        return json(PatientPortalController.status(e),
                new PortalError(e.reason().name().toLowerCase(Locale.ROOT), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<PortalError> unreadable(HttpMessageNotReadableException e) {
        return json(HttpStatus.BAD_REQUEST, new PortalError("invalid_body", "the body is not the JSON expected"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<PortalError> mediaType(HttpMediaTypeNotSupportedException e) {
        return json(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                new PortalError("unsupported_media_type", "the body must be application/json"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<PortalError> unexpected(Exception e) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return json(HttpStatus.valueOf(known.getStatusCode().value()),
                    new PortalError("invalid_request", "the request does not match this API"));
        }
        LOG.error("Portal API call failed: {}", e.getClass().getName());
        return json(HttpStatus.INTERNAL_SERVER_ERROR, new PortalError("internal_error", "internal error"));
    }

    private static ResponseEntity<PortalError> json(HttpStatus status, PortalError error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(error);
    }
}
