package org.orrery.registry;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Finds the researcher who signs in with an email address or an iD. The principal's name is always the iD. After
 * a sign-in whose stored hash was made under other settings, stores the password's new hash.
 */
@Service
public class ResearcherUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    public static final String ROLE = "ROLE_RESEARCHER";

    private final ResearcherRepository researchers;

    public ResearcherUserDetailsService(ResearcherRepository researchers) {
        this.researchers = researchers;
    }

    @Override
    public UserDetails loadUserByUsername(String userId) {
        String id = userId == null ? "" : userId.trim();
        String bare = id.replaceFirst("^https?://[^/]+/", "");
        var researcher = OrcidId.isValid(bare) ? this.researchers.findByOrcid(bare) : this.researchers.findByEmail(id);
        return researcher
            .map(r -> User.withUsername(r.orcid().value())
                .password(r.passwordHash())
                .authorities(List.of(new SimpleGrantedAuthority(ROLE)))
                .build())
            .orElseThrow(() -> new UsernameNotFoundException("No researcher with that email or iD"));
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newHash) {
        this.researchers.updatePasswordHash(user.getUsername(), newHash);
        return User.withUserDetails(user).password(newHash).build();
    }
}
