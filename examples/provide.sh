#!/usr/bin/env bash
# ITI-41 Provide and Register Document Set-b with curl: sends cda-example.xml for a test
# patient as an MTOM/XOP request over mutual TLS. Fresh uniqueIds on every run.
# Usage: examples/provide.sh [PATIENT_INS_NIR] ; env: DMP_URL (default https://localhost:8443), DMP_PKI (default ./data/pki)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/vihf.sh"
url=${DMP_URL:-https://localhost:8443}/si-dmp-server/v2/services/repository
pki=${DMP_PKI:-./data/pki}
nir=${1:-248035938200459}                      # a test INS-NIR (valid key), no real person
patient="${nir}^^^&1.2.250.1.213.1.4.10&ISO^NH" # INS-NIR test assigning authority
stamp=$(date +%s%N)
doc_uid="1.2.250.1.999.1.1.42.3.${stamp}"
ss_uid="1.2.250.1.999.1.1.42.1.${stamp}"
boundary="MIMEBoundary_${stamp}"
body=$(mktemp)
trap 'rm -f "$body"' EXIT
metadata=$(sed -e "s|@PATIENT@|${patient//&/\\&amp;}|g" -e "s|@DOCUMENT_UID@|$doc_uid|" -e "s|@SUBMISSION_UID@|$ss_uid|" "$here/iti41-metadata.xml")
{
  printf -- '--%s\r\nContent-Type: application/xop+xml; charset=UTF-8; type="application/soap+xml"\r\nContent-ID: <root.message@example.org>\r\n\r\n' "$boundary"
  cat <<SOAP
<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
  <s:Header>
    <a:Action s:mustUnderstand="true">urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b</a:Action>
    <a:MessageID>urn:uuid:$(cat /proc/sys/kernel/random/uuid)</a:MessageID>
    <a:To>$url</a:To>
    $(vihf_security "$nir")
  </s:Header>
  <s:Body>
    <xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb="urn:ihe:iti:xds-b:2007">
      $metadata
      <xdsb:Document id="Document01"><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:document01@example.org"/></xdsb:Document>
    </xdsb:ProvideAndRegisterDocumentSetRequest>
  </s:Body>
</s:Envelope>
SOAP
  printf -- '\r\n--%s\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <document01@example.org>\r\n\r\n' "$boundary"
  cat "$here/cda-example.xml"
  printf -- '\r\n--%s--\r\n' "$boundary"
} > "$body"
echo "Submitting document $doc_uid for patient $nir" >&2
curl -sS --cert "$pki/client.pem" --key "$pki/client.key" --cacert "$pki/ca.pem" \
  -H "Content-Type: multipart/related; type=\"application/xop+xml\"; boundary=\"$boundary\"; start=\"<root.message@example.org>\"; start-info=\"application/soap+xml\"; action=\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\"" \
  --data-binary @"$body" "$url"
echo
