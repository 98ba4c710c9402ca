package coop.cooperative.app.projects;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.security.Accounts;
import coop.cooperative.app.security.Invitations;
import coop.cooperative.app.security.SignedInAccount;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The CLIENT role, per project: which client contacts (by email) may see which projects. Used in
 * {@code @PreAuthorize("@clients.sees(#cooperativeId, #projectId)")}. A client is not a member: the
 * member checks of {@link CooperativeAccess} stay false for them, so every other path answers 403.
 */
@Component("clients")
public class ProjectClients {

    private final JdbcClient jdbc;
    private final Invitations invitations;
    private final Accounts accounts;
    private final CooperativeAccess access;

    ProjectClients(JdbcClient jdbc, Invitations invitations, Accounts accounts, CooperativeAccess access) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.accounts = accounts;
        this.access = access;
    }

    /**
     * Gives the contact access to the project. Answers an invitation token when they have no login yet,
     * or null when their existing login simply gains the project.
     */
    @Transactional
    public String invite(CooperativeId cooperativeId, ProjectId projectId, String name, String email) {
        String normalised = normalise(email);
        jdbc.sql("DELETE FROM project_clients WHERE project_id = ? AND email = ?")
                .params(projectId.value(), normalised).update();
        jdbc.sql("INSERT INTO project_clients (project_id, cooperative_id, email, name) VALUES (?, ?, ?, ?)")
                .params(projectId.value(), cooperativeId.value(), normalised, name.strip()).update();
        return accounts.exists(normalised) ? null : invitations.issue(normalised, name.strip());
    }

    /** Whether the caller may see this project: a member of its cooperative, or one of its clients. */
    public boolean sees(CooperativeId cooperativeId, ProjectId projectId) {
        return access.holds(cooperativeId, "MEMBER") || projectsOf(cooperativeId).contains(projectId);
    }

    /** Whether the caller is a member of the cooperative, or a client of one of its projects. */
    public boolean isMemberOrClient(CooperativeId cooperativeId) {
        return access.holds(cooperativeId, "MEMBER") || !projectsOf(cooperativeId).isEmpty();
    }

    /** The projects of this cooperative the caller is a client of. */
    public Set<ProjectId> projectsOf(CooperativeId cooperativeId) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount account)) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT project_id FROM project_clients WHERE cooperative_id = ? AND email = ?")
                .params(cooperativeId.value(), normalise(account.email()))
                .query((rs, row) -> new ProjectId(rs.getObject("project_id", UUID.class)))
                .list());
    }

    /** Every project, in any cooperative, the caller was invited to as a client. */
    public List<ClientProject> allOfCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount account)) {
            return List.of();
        }
        return jdbc.sql("SELECT cooperative_id, project_id FROM project_clients WHERE email = ? ORDER BY cooperative_id, project_id")
                .param(normalise(account.email()))
                .query((rs, row) -> new ClientProject(new CooperativeId(rs.getObject("cooperative_id", UUID.class)),
                        new ProjectId(rs.getObject("project_id", UUID.class))))
                .list();
    }

    /** The client contacts of a cooperative's projects, by project and name, for the admin pages. */
    public List<Contact> contacts(CooperativeId cooperativeId) {
        return jdbc.sql("SELECT project_id, name, email FROM project_clients WHERE cooperative_id = ? ORDER BY name, email")
                .param(cooperativeId.value())
                .query((rs, row) -> new Contact(new ProjectId(rs.getObject("project_id", UUID.class)),
                        rs.getString("name"), rs.getString("email"), accounts.exists(rs.getString("email"))))
                .list();
    }

    /** A client contact of a project; {@code hasLogin} is false while their invitation is open. */
    public record Contact(ProjectId projectId, String name, String email, boolean hasLogin) {
    }

    public record ClientProject(CooperativeId cooperativeId, ProjectId projectId) {
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
