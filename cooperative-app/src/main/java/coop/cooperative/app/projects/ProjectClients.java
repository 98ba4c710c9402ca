package coop.cooperative.app.projects;

import coop.cooperative.app.membership.CooperativeAccess;
import coop.cooperative.app.security.InvitationAccepted;
import coop.cooperative.app.security.Invitations;
import coop.cooperative.app.security.Invitations.Invite;
import coop.cooperative.app.security.SignedInAccount;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The CLIENT role, per project: which client contacts may see which projects, once a login accepted
 * the invitation to it. Used in
 * {@code @PreAuthorize("@clients.sees(#cooperativeId, #projectId)")}. A client is not a member: the
 * member checks of {@link CooperativeAccess} stay false for them, so every other path answers 403.
 */
@Service("clients")
public class ProjectClients {

    private final JdbcClient jdbc;
    private final Invitations invitations;
    private final CooperativeAccess access;

    ProjectClients(JdbcClient jdbc, Invitations invitations, CooperativeAccess access) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.access = access;
    }

    /**
     * Invites the contact to the project; the project becomes theirs when a login accepts the
     * invitation. Answers the link's token for the admin to pass on, or empty when it went by mail.
     */
    @Transactional
    public Optional<String> invite(CooperativeId cooperativeId, ProjectId projectId, String projectName, String name,
                                   String email) {
        add(cooperativeId, projectId, name, email, null);
        return invitations.issue(new Invite(email, name.strip(),
                projectName + " (" + access.cooperative(cooperativeId).name() + ")",
                cooperativeId.value(), null, projectId.value()));
    }

    /** Gives a login the installation made itself (the demo) access to the project, without an invitation. */
    @Transactional
    public void grant(CooperativeId cooperativeId, ProjectId projectId, String name, String email, UUID accountId) {
        add(cooperativeId, projectId, name, email, accountId);
    }

    private void add(CooperativeId cooperativeId, ProjectId projectId, String name, String email, UUID accountId) {
        String normalised = normalise(email);
        jdbc.sql("DELETE FROM project_clients WHERE project_id = ? AND email = ?")
                .params(projectId.value(), normalised).update();
        jdbc.sql("INSERT INTO project_clients (project_id, cooperative_id, email, name, account_id) VALUES (?, ?, ?, ?, ?)")
                .params(projectId.value(), cooperativeId.value(), normalised, name.strip(), accountId).update();
    }

    /** The project invited to is now the accepting account's. */
    @EventListener
    void accepted(InvitationAccepted accepted) {
        if (accepted.projectId() != null) {
            jdbc.sql("UPDATE project_clients SET account_id = ? WHERE project_id = ? AND email = ?")
                    .params(accepted.accountId(), accepted.projectId(), normalise(accepted.email()))
                    .update();
        }
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
        return new HashSet<>(jdbc.sql("SELECT project_id FROM project_clients WHERE cooperative_id = ? AND account_id = ?")
                .params(cooperativeId.value(), account.accountId())
                .query((rs, row) -> new ProjectId(rs.getObject("project_id", UUID.class)))
                .list());
    }

    /** Every project, in any cooperative, the caller was invited to as a client. */
    public List<ClientProject> allOfCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount account)) {
            return List.of();
        }
        return jdbc.sql("SELECT cooperative_id, project_id FROM project_clients WHERE account_id = ? ORDER BY cooperative_id, project_id")
                .param(account.accountId())
                .query((rs, row) -> new ClientProject(new CooperativeId(rs.getObject("cooperative_id", UUID.class)),
                        new ProjectId(rs.getObject("project_id", UUID.class))))
                .list();
    }

    /** The client contacts of a cooperative's projects, by project and name, for the admin pages. */
    public List<Contact> contacts(CooperativeId cooperativeId) {
        return jdbc.sql("SELECT project_id, name, email, account_id FROM project_clients WHERE cooperative_id = ? ORDER BY name, email")
                .param(cooperativeId.value())
                .query((rs, row) -> new Contact(new ProjectId(rs.getObject("project_id", UUID.class)),
                        rs.getString("name"), rs.getString("email"), rs.getObject("account_id") != null))
                .list();
    }

    /** A client contact of a project; {@code hasLogin} is false while their invitation is open (no login accepted it). */
    public record Contact(ProjectId projectId, String name, String email, boolean hasLogin) {
    }

    public record ClientProject(CooperativeId cooperativeId, ProjectId projectId) {
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
