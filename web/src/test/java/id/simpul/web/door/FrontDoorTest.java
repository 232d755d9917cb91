package id.simpul.web.door;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The front door without the rest of the system: public pages with their security headers, the workspace behind
 * the sign-in (authorization code with PKCE), and no change without the session's CSRF token. The sign-in itself,
 * with identity-service, is WorkspaceBrowserIT's. The provider's endpoints are named outright
 * (front-door-test.yml), so that nothing is discovered at start.
 */
@SpringBootTest(properties = "spring.config.name=front-door-test")
@AutoConfigureMockMvc
class FrontDoorTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theDashboardIsPublicWithSecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("script-src 'self'"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
                        org.hamcrest.Matchers.containsString("form-action 'self' http://identity.test:8083"))));
    }

    @Test
    void theDashboardsProvinceBoundariesAndTheirNoticeArePublic() throws Exception {
        String boundaries = mvc.perform(get("/maps/indonesia-38-provinces.geojson"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String notice = mvc.perform(get("/maps/NOTICE.md"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(boundaries.split("\"KODE_PROV\"", -1)).as("one feature per province").hasSize(38 + 1);
        assertThat(notice).contains("Deny Herianto").contains("CC BY 4.0");
    }

    @Test
    void theWorkspaceSendsAnonymousPeopleToSignIn() throws Exception {
        mvc.perform(get("/workspace/kims"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/oauth2/authorization/simpul")));
    }

    @Test
    void signingInIsAnAuthorizationCodeRequestWithPkce() throws Exception {
        MvcResult result = mvc.perform(get("/oauth2/authorization/simpul")).andExpect(status().isFound()).andReturn();
        URI location = URI.create(result.getResponse().getHeader("Location"));
        assertThat(location.getHost()).isEqualTo("identity.test");
        assertThat(location.getRawQuery()).contains("response_type=code").contains("client_id=simpul-web")
                .contains("code_challenge=").contains("code_challenge_method=S256").contains("scope=openid");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedBeforeItReachesAService() throws Exception {
        mvc.perform(post("/api/kims").contentType("application/json").content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/workspace/kims").param("name", "KIM"))
                .andExpect(status().isForbidden());
    }

    @Test
    void pathsNotNamedAreRefusedEvenToThoseSignedIn() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().isFound());
        mvc.perform(get("/actuator/env").with(oidcLogin())).andExpect(status().isForbidden());
        mvc.perform(get("/templates/workspace.html").with(oidcLogin())).andExpect(status().isForbidden());
    }
}
