package io.fleetflow.gateway.auth;

import io.fleetflow.gateway.Problem;
import io.fleetflow.gateway.ProblemException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before-handler on {@code /api/v1/*}: looks the bearer key up by its hash and applies {@link
 * AccessPolicy}. The key found is left on the context under {@link #API_KEY_ATTRIBUTE}. When the
 * database cannot be asked the answer is 503, never a silent pass.
 */
public final class AuthHandler implements Handler {

    public static final String API_KEY_ATTRIBUTE = "fleetflow.apiKey";

    private static final Logger LOG = LoggerFactory.getLogger(AuthHandler.class);

    private final ApiKeyStore keys;

    public AuthHandler(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public void handle(Context ctx) {
        ApiKeyRole required = AccessPolicy.requiredRole(ctx.path());
        String header = ctx.header("Authorization");
        Optional<String> secret = AccessPolicy.bearerSecret(header);
        if (secret.isEmpty()) {
            throw denied(
                    header == null ? AccessPolicy.Denial.MISSING : AccessPolicy.Denial.MALFORMED,
                    required);
        }
        Optional<ApiKey> key;
        try {
            key = keys.findBySecret(secret.get());
        } catch (SQLException e) {
            LOG.warn("Could not check an API key: {}", e.getMessage());
            throw ProblemException.serviceUnavailable(
                    "API keys cannot be checked right now; retry later", 5);
        }
        Optional<AccessPolicy.Denial> denial = AccessPolicy.check(key, required);
        if (denial.isPresent()) {
            throw denied(denial.get(), required);
        }
        ctx.attribute(API_KEY_ATTRIBUTE, key.get());
    }

    private static ProblemException denied(AccessPolicy.Denial denial, ApiKeyRole required) {
        String detail =
                denial == AccessPolicy.Denial.WRONG_ROLE
                        ? AccessPolicy.wrongRoleDetail(required)
                        : denial.detail();
        Problem problem =
                denial.status() == 401
                        ? Problem.of("unauthorized", "Unauthorized", 401, detail)
                        : Problem.of("forbidden", "Forbidden", 403, detail);
        return new ProblemException(
                problem,
                denial.status() == 401
                        ? Map.of("WWW-Authenticate", "Bearer realm=\"fleetflow\"")
                        : Map.of());
    }
}
