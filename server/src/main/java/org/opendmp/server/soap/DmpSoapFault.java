package org.opendmp.server.soap;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.opendmp.pixpdq.habilitation.HabilitationRefusal;

/**
 * A refusal of the DMP's web services (habilitations, TD0.4) as a SOAP fault: code Sender (Client in
 * SOAP 1.1), a subcode in the service's namespace naming the reason (e.g.
 * {@code urn:si-dmp-habilitations:DMPVihfRequired}), and the refusal's message as reason. That
 * message was written for the client and names no patient, so it stays as is: {@link #setMessage}
 * keeps it when {@link CleanFaultInterceptor} replaces the texts of faults it does not know.
 */
final class DmpSoapFault extends SoapFault {

    private static final long serialVersionUID = 1L;

    private final String reason;

    DmpSoapFault(HabilitationRefusal refusal, String namespace) {
        super(refusal.getMessage(), Fault.FAULT_CODE_CLIENT);
        this.reason = refusal.getMessage();
        setSubCode(new QName(namespace, refusal.reason().code()));
    }

    @Override
    public void setMessage(String message) {
        super.setMessage(reason == null ? message : reason);
    }
}
