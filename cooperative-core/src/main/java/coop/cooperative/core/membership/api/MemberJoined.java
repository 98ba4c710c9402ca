package coop.cooperative.core.membership.api;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A member joined. The email is recorded only as a fingerprint (see {@code EmailFingerprint}),
 * so the event holds no personal data that must be erasable.
 */
@Revision("1")
public record MemberJoined(CooperativeId cooperativeId,
                           MemberId memberId,
                           String emailFingerprint,
                           List<String> skills,
                           Money hourlyRate,
                           LocalDate joinedOn) {
}
