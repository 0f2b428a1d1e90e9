import ssl

# A compatibility table naming every version is no choice of one.
_protocol_to_min_max = {
    ssl.PROTOCOL_TLSv1: (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1),
    ssl.PROTOCOL_TLS_CLIENT: (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.MAXIMUM_SUPPORTED),
}
