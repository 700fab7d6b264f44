#!/usr/bin/env bash
# ITI-43 Retrieve Document Set with curl: the answer is MTOM (multipart/related), the
# document is the second MIME part. Usage: examples/retrieve.sh DOCUMENT_UNIQUE_ID [PATIENT_INS_NIR]
# env: DMP_URL, DMP_PKI as for provide.sh; DMP_REPOSITORY (default 1.2.250.1.213.4.1.1.1.2)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/vihf.sh"
url=${DMP_URL:-https://localhost:8443}/si-dmp-server/v2/services/repository
pki=${DMP_PKI:-./data/pki}
uid=${1:?usage: retrieve.sh DOCUMENT_UNIQUE_ID [PATIENT_INS_NIR]}
nir=${2:-248035938200459}   # the patient the VIHF names: the document's
repository=${DMP_REPOSITORY:-1.2.250.1.213.4.1.1.1.2}
curl -sS --cert "$pki/client.pem" --key "$pki/client.key" --cacert "$pki/ca.pem" \
  -H 'Content-Type: application/soap+xml; charset=UTF-8; action="urn:ihe:iti:2007:RetrieveDocumentSet"' \
  --data-binary @- "$url" <<SOAP
<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
  <s:Header>
    <a:Action s:mustUnderstand="true">urn:ihe:iti:2007:RetrieveDocumentSet</a:Action>
    <a:MessageID>urn:uuid:$(cat /proc/sys/kernel/random/uuid)</a:MessageID>
    <a:To>$url</a:To>
    $(vihf_security "$nir")
  </s:Header>
  <s:Body>
    <xdsb:RetrieveDocumentSetRequest xmlns:xdsb="urn:ihe:iti:xds-b:2007">
      <xdsb:DocumentRequest>
        <xdsb:RepositoryUniqueId>$repository</xdsb:RepositoryUniqueId>
        <xdsb:DocumentUniqueId>$uid</xdsb:DocumentUniqueId>
      </xdsb:DocumentRequest>
    </xdsb:RetrieveDocumentSetRequest>
  </s:Body>
</s:Envelope>
SOAP
echo
