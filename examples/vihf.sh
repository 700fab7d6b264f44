# Sourced by the other examples: the VIHF (the DMP's signed SAML assertion) every request carries.
# The server's `vihf` command signs it with the development VIHF PKI of the data directory, as the
# demo doctor (DIRECTE, normal access) for the given patient. env: DMP_JAR (default
# server/target/dmp-server.jar), DMP_PKI (default ./data/pki), DMP_VIHF_MODE (normal, centre_15, bris_de_glace)
vihf_security() {
  local jar=${DMP_JAR:-server/target/dmp-server.jar} data
  data=$(dirname "${DMP_PKI:-./data/pki}")
  printf '<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">%s</wsse:Security>' \
    "$(java -jar "$jar" vihf --data-dir "$data" --patient "$1" --mode "${DMP_VIHF_MODE:-normal}")"
}
