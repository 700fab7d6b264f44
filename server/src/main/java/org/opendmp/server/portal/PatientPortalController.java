package org.opendmp.server.portal;

import java.util.List;
import org.opendmp.pixpdq.habilitation.HabilitationRefusal;
import org.opendmp.pixpdq.habilitation.Habilitations;
import org.opendmp.pixpdq.habilitation.ListMode;
import org.opendmp.pixpdq.habilitation.Mode;
import org.opendmp.pixpdq.ins.InsNumber;
import org.opendmp.pixpdq.patient.Dmp;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;
import org.opendmp.server.config.DmpProperties;
import org.opendmp.server.portal.PortalViews.Authorization;
import org.opendmp.server.portal.PortalViews.ModeRequest;
import org.opendmp.server.portal.PortalViews.Oppositions;
import org.opendmp.server.portal.PortalViews.TreatingDoctorRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The patient's controls over their DMP, for the patient portal (JSON, under {@value #BASE}). The
 * patient is {@code {ins}}, their 15-character NIR or NIA, looked up under the configured INS
 * authorities in order ({@code dmp.patients.ins-authorities}); the first known patient is the one.
 * <ul>
 *   <li>{@code GET /patients/{ins}/authorizations[?mode=ACTIVE|INTERDITE|TOUTE]}: the professionals
 *       authorized or blocked;</li>
 *   <li>{@code PUT /patients/{ins}/authorizations/{idNatPs}} {@code {"mode":"INTERDITE"}}: blocks one;</li>
 *   <li>{@code DELETE /patients/{ins}/authorizations/{idNatPs}}: lifts the block (204);</li>
 *   <li>{@code PUT /patients/{ins}/treating-doctor} {@code {"professionalId":"..."}}: designates the
 *       treating doctor;</li>
 *   <li>{@code GET|PUT /patients/{ins}/oppositions} {@code {"brisDeGlace":true,"centre15":false}}.</li>
 * </ul>
 * Refusals are {@link PortalError}s with 400, 404 or 409 ({@link PortalErrors}).
 */
@RestController
@RequestMapping(path = PatientPortalController.BASE + "/patients/{ins}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PatientPortalController {

    /** The portal API's root path. */
    public static final String BASE = "/si-dmp-server/v2/portal";

    private final PatientRegistry registry;
    private final Habilitations habilitations;
    private final List<String> insAuthorities;

    public PatientPortalController(PatientRegistry registry, Habilitations habilitations, DmpProperties properties) {
        this.registry = registry;
        this.habilitations = habilitations;
        this.insAuthorities = List.copyOf(properties.patients().insAuthorities());
    }

    @GetMapping("/authorizations")
    public List<Authorization> authorizations(@PathVariable String ins,
                                              @RequestParam(name = "mode", defaultValue = "TOUTE") String mode) {
        ListMode listMode = ListMode.of(mode);
        if (listMode == null) {
            throw new PortalException(HttpStatus.BAD_REQUEST, "invalid_mode", "mode must be ACTIVE, INTERDITE or TOUTE");
        }
        return habilitations.list(patient(ins), listMode).stream().map(Authorization::of).toList();
    }

    @PutMapping(path = "/authorizations/{professionalId}")
    public Authorization block(@PathVariable String ins, @PathVariable String professionalId,
                               @RequestBody ModeRequest request) {
        if (request == null || !Mode.INTERDITE.name().equals(request.mode())) {
            throw new PortalException(HttpStatus.BAD_REQUEST, "invalid_mode", "the patient can only block a"
                    + " professional ({\"mode\":\"INTERDITE\"}); professionals declare their own authorization");
        }
        return Authorization.of(habilitations.block(patient(ins), professionalId));
    }

    @DeleteMapping("/authorizations/{professionalId}")
    public ResponseEntity<Void> unblock(@PathVariable String ins, @PathVariable String professionalId) {
        if (!habilitations.unblock(patient(ins), professionalId)) {
            throw new PortalException(HttpStatus.NOT_FOUND, "not_blocked", "this professional is not blocked");
        }
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/treating-doctor")
    public Authorization designateTreatingDoctor(@PathVariable String ins, @RequestBody TreatingDoctorRequest request) {
        if (request == null || request.professionalId() == null) {
            throw new PortalException(HttpStatus.BAD_REQUEST, "invalid_request", "professionalId is required");
        }
        return Authorization.of(habilitations.designateTreatingDoctor(patient(ins), request.professionalId()));
    }

    @GetMapping("/oppositions")
    public Oppositions oppositions(@PathVariable String ins) {
        Dmp dmp = registry.find(patient(ins)).orElseThrow(PatientPortalController::unknownPatient).dmp();
        return new Oppositions(dmp.oppositionBrisDeGlace(), dmp.oppositionCentre15());
    }

    @PutMapping(path = "/oppositions")
    public Oppositions setOppositions(@PathVariable String ins, @RequestBody Oppositions request) {
        if (request == null || request.brisDeGlace() == null || request.centre15() == null) {
            throw new PortalException(HttpStatus.BAD_REQUEST, "invalid_request",
                    "brisDeGlace and centre15 are both required (true or false)");
        }
        try {
            Dmp dmp = registry.setOppositions(patient(ins), request.brisDeGlace(), request.centre15()).dmp();
            return new Oppositions(dmp.oppositionBrisDeGlace(), dmp.oppositionCentre15());
        } catch (PatientRegistryException refused) {
            throw refused.reason() == PatientRegistryException.Reason.UNKNOWN_PATIENT ? unknownPatient()
                    : new PortalException(HttpStatus.BAD_REQUEST, "invalid_request", refused.getMessage());
        }
    }

    /** The known patient with this INS number under the first configured authority that has one. */
    private PatientId patient(String ins) {
        if (!InsNumber.isValid(ins)) {
            throw new PortalException(HttpStatus.BAD_REQUEST, "invalid_ins",
                    "the patient is named by a valid 15-character INS (NIR or NIA)");
        }
        for (String authority : insAuthorities) {
            PatientId candidate = new PatientId(ins, authority);
            if (registry.find(candidate).isPresent()) {
                return candidate;
            }
        }
        throw unknownPatient();
    }

    private static PortalException unknownPatient() {
        return new PortalException(HttpStatus.NOT_FOUND, "unknown_patient", "no DMP for this INS");
    }

    /** The HTTP status of a refusal of the authorizations service. */
    static HttpStatus status(HabilitationRefusal refusal) {
        return switch (refusal.reason()) {
            case UNKNOWN_PATIENT -> HttpStatus.NOT_FOUND;
            case DMP_CLOSED, BLOCKED_BY_PATIENT, NOT_A_DOCTOR -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
