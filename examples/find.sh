#!/usr/bin/env bash
# ITI-18 Registry Stored Query, FindDocuments (Approved documents of a patient), with curl.
# Usage: examples/find.sh [PATIENT_INS_NIR] [LeafClass|ObjectRef] ; env: DMP_URL, DMP_PKI as for provide.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/vihf.sh"
url=${DMP_URL:-https://localhost:8443}/si-dmp-server/v2/services/registry
pki=${DMP_PKI:-./data/pki}
nir=${1:-248035938200459}
return_type=${2:-LeafClass}
curl -sS --cert "$pki/client.pem" --key "$pki/client.key" --cacert "$pki/ca.pem" \
  -H 'Content-Type: application/soap+xml; charset=UTF-8; action="urn:ihe:iti:2007:RegistryStoredQuery"' \
  --data-binary @- "$url" <<SOAP
<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
  <s:Header>
    <a:Action s:mustUnderstand="true">urn:ihe:iti:2007:RegistryStoredQuery</a:Action>
    <a:MessageID>urn:uuid:$(cat /proc/sys/kernel/random/uuid)</a:MessageID>
    <a:To>$url</a:To>
    $(vihf_security "$nir")
  </s:Header>
  <s:Body>
    <query:AdhocQueryRequest xmlns:query="urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
      <query:ResponseOption returnComposedObjects="true" returnType="$return_type"/>
      <rim:AdhocQuery id="urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d">
        <rim:Slot name="\$XDSDocumentEntryPatientId"><rim:ValueList><rim:Value>'${nir}^^^&amp;1.2.250.1.213.1.4.10&amp;ISO'</rim:Value></rim:ValueList></rim:Slot>
        <rim:Slot name="\$XDSDocumentEntryStatus"><rim:ValueList><rim:Value>('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved')</rim:Value></rim:ValueList></rim:Slot>
      </rim:AdhocQuery>
    </query:AdhocQueryRequest>
  </s:Body>
</s:Envelope>
SOAP
echo
