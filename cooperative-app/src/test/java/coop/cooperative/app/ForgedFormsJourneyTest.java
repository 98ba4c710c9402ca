package coop.cooperative.app;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page forms posted as no page sends them: a value of the wrong type, an unknown choice, rows out of
 * range or out of order. Each is a 400 page that names the field, and nothing is stored.
 */
class ForgedFormsJourneyTest extends HttpJourney {

    private ResponseEntity<String> post(String formPage, String action, String form) {
        return formPost(formPage, action, form, Api.ADMIN, Api.ADMIN_PASSWORD, "en");
    }

    private void refusedNaming(String formPage, String action, String form, String field) {
        long events = count("domain_event_entry");
        long tokens = count("api_tokens");
        ResponseEntity<String> answer = post(formPage, action, form);
        assertThat(answer.getStatusCode().value()).as(form + ": " + answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).as(form).contains("The field &quot;" + field + "&quot; of the form could not be read");
        assertThat(count("domain_event_entry")).as(form + " stores no event").isEqualTo(events);
        assertThat(count("api_tokens")).as(form + " makes no token").isEqualTo(tokens);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingItsField() {
        String me = "/cooperatives/" + cooperative + "/me";
        refusedNaming("/tokens", "/tokens", "name=script&expiresOn=bogus", "expiresOn");
        refusedNaming("/tokens", "/tokens", "name=script&expiresOn=2026-13-45", "expiresOn");
        refusedNaming(me, me + "/hours", "date=bogus&hours=2&kind=CLIENT", "date");
    }

    @Test
    void anUnknownChoiceOrRowsOutOfRangeOrOrderAreRefusedAndAFairFormStillSaves() {
        BillableProject project = new BillableProject(api, cooperative);
        String billing = "/cooperatives/" + cooperative + "/projects/" + project.id + "/billing";

        refusedNaming(billing, billing + "/client", "legalName=Gemeente&countryCode=NL&addressCountry=NL&lineGrouping=TEAM",
                "lineGrouping");
        refusedNaming(billing, billing + "/rates", "rates[0].skill=ux&rates[0].hourlyRate=100&rates[0].vatRate=HALF",
                "rates[0].vatRate");
        refusedNaming(billing, billing + "/rates", "rates[300].skill=ux", "rates[300]");
        refusedNaming(billing, billing + "/rates", "rates[99999999].skill=ux", "rates[99999999]");
        refusedNaming(billing, billing + "/rates", "rates[-1].skill=ux", "rates[-1]");
        refusedNaming(billing, billing + "/rates", "rates[2].skill=ux&rates[2].hourlyRate=100", "rates[0]");
        refusedNaming(billing, billing + "/rates", "rates=abc", "rates");

        ResponseEntity<String> fair = post(billing, billing + "/rates",
                "rates[0].skill=ux&rates[0].hourlyRate=100&rates[0].vatRate=STANDARD"
                        + "&rates[1].skill=java&rates[1].hourlyRate=80&rates[1].vatRate=REDUCED");
        assertThat(fair.getStatusCode().value()).as("saved, and back on the billing page").isEqualTo(200);
        assertThat(fair.getBody())
                .containsPattern("name=\"rates\\[\\d]\\.hourlyRate\"[^>]*value=\"80.00\"")
                .containsPattern("name=\"rates\\[\\d]\\.hourlyRate\"[^>]*value=\"100.00\"");
    }
}
