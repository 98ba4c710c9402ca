package coop.cooperative.app.security;

import coop.cooperative.app.Api;
import coop.cooperative.app.HttpJourney;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator without mail gets back in: a start with COOPERATIVE_ADMIN_RESET sets the administrator's password. */
class AdministratorResetJourneyTest extends HttpJourney {

    private static final String NEW_PASSWORD = "granite meadow lantern oboe";

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void aStartWithTheResetSettingSetsTheAdministratorsPasswordAndAStartWithoutItChangesNothing() {
        try {
            start(Api.ADMIN, NEW_PASSWORD, false);
            assertThat(status(Api.ADMIN_PASSWORD)).as("without the setting").isEqualTo(200);

            start(Api.ADMIN, NEW_PASSWORD, true);
            assertThat(status(NEW_PASSWORD)).isEqualTo(200);
            assertThat(status(Api.ADMIN_PASSWORD)).isEqualTo(401);

            start("someone.else@example.org", Api.ADMIN_PASSWORD, true);
            assertThat(status(NEW_PASSWORD)).as("only the installation's administrator is reset").isEqualTo(200);
        } finally {
            start(Api.ADMIN, Api.ADMIN_PASSWORD, true);
        }
        assertThat(status(Api.ADMIN_PASSWORD)).isEqualTo(200);
    }

    private void start(String email, String password, boolean reset) {
        new AdministratorAccount(accounts, passwords, email, password, reset).run(null);
    }

    private int status(String password) {
        return api.get("/api/admin/projections", Api.ADMIN, password).status();
    }
}
