#!/usr/bin/env bash
# TD1.1 DMP creation (HL7v3 PRPA_IN201311UV02, reason CREA_RD) with curl: makes a test patient
# known to the server with an open DMP, as DMP-compatible software does. The registry accepts
# documents only for patients it knows. Answers AA, or AE ALREADY_EXISTS if the DMP exists.
# Then TD0.3 (setAuthorization AJOUT): the demo doctor declares the patient's authorization to access
# the record, which reading documents in normal mode requires. Answers DMPOk.
# Usage: examples/create-patient.sh [PATIENT_INS_NIR] ; env: DMP_URL (default https://localhost:8443), DMP_PKI (default ./data/pki)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/vihf.sh"
url=${DMP_URL:-https://localhost:8443}/si-dmp-server/v2/services/patients
pki=${DMP_PKI:-./data/pki}
nir=${1:-248035938200459}   # a test INS-NIR (valid key), no real person
echo "Creating the DMP of test patient $nir" >&2
curl -sS --cert "$pki/client.pem" --key "$pki/client.key" --cacert "$pki/ca.pem" \
  -H 'Content-Type: application/soap+xml; charset=UTF-8; action="urn:hl7-org:v3:PRPA_IN201311UV02"' \
  --data-binary @- "$url" <<SOAP
<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
  <soap:Header>
    <a:MessageID>urn:uuid:$(cat /proc/sys/kernel/random/uuid)</a:MessageID>
    <a:Action soap:mustUnderstand="true">urn:hl7-org:v3:PRPA_IN201311UV02</a:Action>
    $(vihf_security "$nir")
  </soap:Header>
  <soap:Body>
    <PRPA_IN201311UV02 ITSVersion="XML_1.0" xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <id root="1.2.250.1.999.1.1" extension="$(cat /proc/sys/kernel/random/uuid)"/>
      <creationTime value="$(date -u +%Y%m%d%H%M%S)"/>
      <interactionId root="2.16.840.1.113883.1.6" extension="PRPA_IN201311UV02"/>
      <processingCode code="P"/>
      <processingModeCode code="T"/>
      <acceptAckCode code="AL"/>
      <receiver typeCode="RCV"><device classCode="DEV" determinerCode="INSTANCE"><id root="1.2.250.1.213.4.1.1.1"/></device></receiver>
      <sender typeCode="SND"><device classCode="DEV" determinerCode="INSTANCE"><id root="1.2.250.1.999.1"/></device></sender>
      <controlActProcess classCode="CACT" moodCode="EVN">
        <reasonCode code="CREA_RD" codeSystem="1.2.250.1.213.1.1.4.11"/>
        <subject typeCode="SUBJ" contextConductionInd="false">
          <registrationRequest classCode="REG" moodCode="RQO">
            <statusCode code="active"/>
            <subject1 typeCode="SBJ">
              <patient classCode="PAT">
                <id root="1.2.250.1.213.1.4.10" extension="$nir"/>
                <statusCode code="active"/>
                <patientPerson classCode="PSN" determinerCode="INSTANCE">
                  <name><given>LAURENCE</given><family qualifier="BR">DUPONT</family></name>
                  <administrativeGenderCode code="F"/>
                  <birthTime value="19480305"/>
                </patientPerson>
                <subjectOf typeCode="SBJ"><administrativeObservation classCode="OBS" moodCode="EVN">
                  <code code="CONSENTEMENT_OUVERTURE_DMP" codeSystem="1.2.250.1.213.4.1.2.3"/>
                  <value xsi:type="BL" value="true"/></administrativeObservation></subjectOf>
              </patient>
            </subject1>
          </registrationRequest>
        </subject>
      </controlActProcess>
    </PRPA_IN201311UV02>
  </soap:Body>
</soap:Envelope>
SOAP
echo
echo "Authorizing the demo doctor on the DMP of $nir (TD0.3)" >&2
habilitations=${DMP_URL:-https://localhost:8443}/si-dmp-server/v2/services/habilitations
curl -sS --cert "$pki/client.pem" --key "$pki/client.key" --cacert "$pki/ca.pem" \
  -H 'Content-Type: application/soap+xml; charset=UTF-8; action="urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization"' \
  --data-binary @- "$habilitations" <<SOAP
<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
  <soap:Header>
    <a:MessageID>urn:uuid:$(cat /proc/sys/kernel/random/uuid)</a:MessageID>
    <a:Action soap:mustUnderstand="true">urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization</a:Action>
    $(vihf_security "$nir")
  </soap:Header>
  <soap:Body><setAuthorization xmlns="urn:si-dmp-habilitations"><action>AJOUT</action></setAuthorization></soap:Body>
</soap:Envelope>
SOAP
echo
