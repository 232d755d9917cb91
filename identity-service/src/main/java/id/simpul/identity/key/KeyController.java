package id.simpul.identity.key;

import id.simpul.identity.IdentityRights;
import id.simpul.platform.access.Allowed;
import id.simpul.identity.Forbidden;
import id.simpul.identity.SimpulClaims;
import id.simpul.identity.user.Role;
import id.simpul.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Rotation of the signing keys, for ministry admins. */
@RestController
@RequestMapping("/api/admin/keys")
@Tag(name = "Signing keys", description = "The RSA keys that sign tokens; /oauth2/jwks publishes those not retired")
@SecurityRequirement(name = "bearer")
class KeyController {

    private static final String RIGHT = "keys.rotate: held by MINISTRY_ADMIN";

    private final SigningKeys keys;

    KeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    @Allowed(IdentityRights.KEYS_ROTATE)
    @Operation(summary = "List the signing keys, newest first")
    @ApiResponse(responseCode = "401", description = "No valid token (unauthorized)")
    @ApiResponse(responseCode = "403", description = "Not a ministry admin (forbidden)")
    List<SigningKeys.KeyInfo> list(@AuthenticationPrincipal Jwt token) {
        requireAdmin(token);
        return keys.list();
    }

    @PostMapping("/rotate")
    @Allowed(IdentityRights.KEYS_ROTATE)
    @Operation(summary = "Add a new active signing key", description = "New tokens are signed with it; the previous key stays in the JWKS until it is retired.")
    @ApiResponse(responseCode = "401", description = "No valid token (unauthorized)")
    @ApiResponse(responseCode = "403", description = "Not a ministry admin (forbidden)")
    List<SigningKeys.KeyInfo> rotate(@AuthenticationPrincipal Jwt token) {
        requireAdmin(token);
        keys.rotate();
        return keys.list();
    }

    @PostMapping("/{kid}/retire")
    @Allowed(IdentityRights.KEYS_ROTATE)
    @Operation(summary = "Retire a key that no longer signs", description = "Tokens it signed are no longer accepted.")
    @ApiResponse(responseCode = "401", description = "No valid token (unauthorized)")
    @ApiResponse(responseCode = "403", description = "Not a ministry admin (forbidden)")
    @ApiResponse(responseCode = "409", description = "The key is the active one, or already retired (conflict)")
    List<SigningKeys.KeyInfo> retire(@AuthenticationPrincipal Jwt token, @Parameter(schema = @Schema(format = "uuid")) @PathVariable String kid) {
        requireAdmin(token);
        if (keys.list().stream().noneMatch(k -> k.kid().equals(kid))) {
            throw Problems.notFound("signing key", kid);
        }
        if (!keys.retire(kid)) {
            throw Problems.exception(Problems.of(HttpStatus.CONFLICT, "conflict", "Cannot retire",
                    "Key " + kid + " is the active key or already retired; rotate first."));
        }
        return keys.list();
    }

    private static void requireAdmin(Jwt token) {
        List<String> roles = token.getClaimAsStringList(SimpulClaims.ROLES);
        if (roles == null || !roles.contains(Role.MINISTRY_ADMIN.name())) {
            throw Forbidden.missing(RIGHT);
        }
    }
}
