package coop.cooperative.app.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import coop.cooperative.core.shared.MemberId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A typed id is read from its canonical UUID text, and from nothing else. */
class DomainJsonModuleTest {

    private final ObjectMapper json = JsonMapper.builder().addModule(new DomainJsonModule()).build();

    @Test
    void anIdIsReadFromItsUuidInEitherCase() throws Exception {
        UUID uuid = UUID.fromString("6f7fda27-7147-42c6-9464-968b26f81573");

        assertThat(json.readValue("\"6f7fda27-7147-42c6-9464-968b26f81573\"", MemberId.class))
                .isEqualTo(new MemberId(uuid));
        assertThat(json.readValue("\"6F7FDA27-7147-42C6-9464-968B26F81573\"", MemberId.class))
                .isEqualTo(new MemberId(uuid));
        assertThat(json.writeValueAsString(new MemberId(uuid))).isEqualTo("\"6f7fda27-7147-42c6-9464-968b26f81573\"");
    }

    @Test
    void textThatIsNotACanonicalUuidIsRefused() {
        for (String text : new String[]{"1-2-3-4-5", "6f7fda27-7147-42c6-9464-968b26f8157", "6f7fda27-7147-42c6-9464-968b26f815733",
                "6f7fda27+7147-42c6-9464-968b26f81573", "6f7fda27-7147-42c6-9464-968b26f8157g", "６f7fda27-7147-42c6-9464-968b26f81573",
                "", "member"}) {
            assertThatThrownBy(() -> json.readValue("\"" + text + "\"", MemberId.class))
                    .as(text).isInstanceOf(InvalidFormatException.class).hasMessageContaining("not an id");
        }
    }
}
