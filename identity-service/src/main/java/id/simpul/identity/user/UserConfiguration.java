package id.simpul.identity.user;

import id.simpul.identity.IdentityProperties;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class UserConfiguration {

    @Bean
    PasswordPolicy passwordPolicy() {
        return new PasswordPolicy(CommonPasswords.load());
    }

    @Bean
    ApplicationRunner demoUsers(UserStore users, PasswordEncoder encoder, PasswordPolicy policy, IdentityProperties properties, Clock clock) {
        return args -> DemoUsers.createIfFirstStart(users, encoder, policy, properties, clock);
    }
}
