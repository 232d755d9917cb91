package id.simpul.identity.user;

import id.simpul.identity.IdentityRights;
import id.simpul.platform.access.Allowed;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** User administration, for ministry admins anywhere and province officers inside their province. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Who signs in, with which roles and where they act")
@SecurityRequirement(name = "bearer")
class UserController {

    private final UserAdministration administration;

    UserController(UserAdministration administration) {
        this.administration = administration;
    }

    record CreateUser(@NotBlank @Size(max = 100) String username, @Size(max = 200) String displayName,
                      @NotBlank @Size(max = 200) String password, @NotEmpty Set<Role> roles,
                      @Schema(description = "A Kemendagri code prefix (63, 63.03) or empty for the whole country") @Size(max = 13) String regionScope,
                      @Schema(description = "For PARTNER users: the partner (training-service) they speak for") @Size(max = 36) String partnerId,
                      @Schema(description = "For KIM_OFFICER users: their KIM (registry-service)") @Size(max = 36) String kimId) {
    }

    /** A user as the API shows them: never their password hash. */
    record UserView(String id, String username, String displayName, List<Role> roles, String regionScope, String partnerId,
                    String kimId, boolean enabled, Instant lockedUntil, Instant createdAt, String createdBy) {

        static UserView of(UserAccount u) {
            return new UserView(u.id(), u.username(), u.displayName(), u.roles().stream().sorted().toList(), u.scope().code(),
                    u.partnerId(), u.kimId(), u.enabled(), u.lockedUntil(), u.createdAt(), u.createdBy());
        }
    }

    @PostMapping
    @Allowed(IdentityRights.USERS_ADMINISTER)
    @Operation(summary = "Create a user", description = "A ministry admin anywhere; a province officer inside their "
            + "province, granting only roles no higher than theirs. The password has at least 8 characters and is not a common one.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "401", description = "No valid token (unauthorized)")
    @ApiResponse(responseCode = "403", description = "A right is missing (forbidden): missingRight names it")
    @ApiResponse(responseCode = "409", description = "The username is taken (conflict)")
    @ApiResponse(responseCode = "422", description = "A weak or common password, an invalid scope, or a partner/KIM id missing (rule-violation)")
    ResponseEntity<UserView> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody CreateUser body) {
        UserAccount user = administration.create(Administrators.of(token), new UserAdministration.NewUser(body.username(),
                body.displayName(), body.password(), body.roles() == null ? EnumSet.noneOf(Role.class) : body.roles(),
                body.regionScope(), body.partnerId(), body.kimId()));
        return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(UserView.of(user));
    }

    @GetMapping
    @Allowed(IdentityRights.USERS_ADMINISTER)
    @Operation(summary = "List the users one administers", description = "By username; a province officer sees those inside their province.")
    @ApiResponse(responseCode = "401", description = "No valid token (unauthorized)")
    @ApiResponse(responseCode = "403", description = "A right is missing (forbidden): missingRight names it")
    PageResponse<UserView> list(@AuthenticationPrincipal Jwt token, @Valid PageQuery page) {
        return administration.list(Administrators.of(token), page).map(UserView::of);
    }

    @GetMapping("/{id}")
    @Allowed(IdentityRights.USERS_ADMINISTER)
    @Operation(summary = "Read a user")
    @ApiResponse(responseCode = "401", description = "No valid token (unauthorized)")
    @ApiResponse(responseCode = "403", description = "A right is missing (forbidden): missingRight names it")
    UserView get(@AuthenticationPrincipal Jwt token, @Parameter(schema = @Schema(format = "uuid")) @PathVariable String id) {
        return UserView.of(administration.get(Administrators.of(token), id));
    }

    @PostMapping("/{id}/disable")
    @Allowed(IdentityRights.USERS_ADMINISTER)
    @Operation(summary = "Disable a user: they can no longer sign in")
    @ApiResponse(responseCode = "401", description = "No valid token (unauthorized)")
    @ApiResponse(responseCode = "403", description = "A right is missing (forbidden): missingRight names it")
    UserView disable(@AuthenticationPrincipal Jwt token, @Parameter(schema = @Schema(format = "uuid")) @PathVariable String id) {
        return UserView.of(administration.setEnabled(Administrators.of(token), id, false));
    }

    @PostMapping("/{id}/enable")
    @Allowed(IdentityRights.USERS_ADMINISTER)
    @Operation(summary = "Enable a disabled user again")
    @ApiResponse(responseCode = "401", description = "No valid token (unauthorized)")
    @ApiResponse(responseCode = "403", description = "A right is missing (forbidden): missingRight names it")
    UserView enable(@AuthenticationPrincipal Jwt token, @Parameter(schema = @Schema(format = "uuid")) @PathVariable String id) {
        return UserView.of(administration.setEnabled(Administrators.of(token), id, true));
    }
}
