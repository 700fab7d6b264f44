package org.opendmp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.opendmp.security.vihf.DevelopmentVihfPki;
import org.opendmp.security.vihf.VihfSigner;

/**
 * The demo doctor's VIHF assertions as DMP-compatible software uses them: one assertion per patient
 * session, signed once with the (development) professional card and reused for every request about that
 * patient. DIRECTE, normal access ({@code purposeofuse} normal), resource-id the patient's INS-NIR.
 * {@link #fresh} signs a new one, for a client that signs every request.
 */
final class VihfSessions {

    private final VihfSigner doctor;
    private final String[] headers;
    private final double signingSeconds;

    /**
     * Signs the assertions of patients 0 to {@code patients - 1} on {@code threads} threads, with the
     * development VIHF PKI the server generated under {@code vihfPki}.
     */
    VihfSessions(Path vihfPki, int patients, int threads) throws IOException, InterruptedException {
        doctor = DevelopmentVihfPki.ensure(vihfPki).doctorSigner();
        headers = new String[patients];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger signed = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                int patient;
                while ((patient = next.getAndIncrement()) < patients) {
                    headers[patient] = fresh(patient);
                    signed.incrementAndGet();
                }
            }, "vihf-signer-" + t);
            workers.add(worker);
            worker.start();
        }
        Bench.awaitAll(workers, () -> {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  signed %,d / %,d VIHF assertions (%.0f/s)%n", signed.get(), patients,
                    signed.get() / seconds);
        });
        if (signed.get() != patients) {
            throw new IllegalStateException("signing VIHF assertions failed: " + signed.get() + " of " + patients);
        }
        signingSeconds = (System.nanoTime() - start) / 1e9;
    }

    /** The wsse:Security header of this patient's session. */
    String header(int patient) {
        return headers[patient];
    }

    /** A wsse:Security header with a newly signed assertion about this patient. */
    String fresh(int patient) {
        return Messages.security(DevelopmentVihfPki.doctorAssertion().patientId(Messages.vihfResourceId(patient))
                .signToXml(doctor));
    }

    int size() {
        return headers.length;
    }

    /** Wall-clock time the constructor spent signing. */
    double signingSeconds() {
        return signingSeconds;
    }
}
