/// What an authentication plugin (`key-auth`, `jwt`) decided about one request.
public enum AuthVerdict: Sendable, Equatable {
    /// The request names a known consumer. `credential` is what identifies the credential for
    /// `limit_by: credential`: the key (key-auth) or the `iss` (jwt).
    case authenticated(consumer: String, credential: String)
    /// Kong's answer: the status (always 401 for these plugins in Kong 3.x) and its message.
    case rejected(status: Int, message: String)
}
