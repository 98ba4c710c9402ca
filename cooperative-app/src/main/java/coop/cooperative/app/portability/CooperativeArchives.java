package coop.cooperative.app.portability;

import coop.cooperative.app.axon.ProjectionCatchUp;
import coop.cooperative.app.portability.ArchiveReader.Parsed;
import coop.cooperative.app.portability.CooperativeImport.Invited;
import coop.cooperative.core.shared.CooperativeId;
import org.axonframework.config.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.axonframework.serialization.Serializer;

import java.util.List;

/**
 * The export of a whole cooperative and its re-import into another installation: the one way in for
 * the API and the admin page. An import is checked whole, written in one transaction, and answered
 * once every view has caught up with the appended events, so the cooperative can be read at once.
 */
@Service
public class CooperativeArchives {

    private static final Logger log = LoggerFactory.getLogger(CooperativeArchives.class);

    private final CooperativeExport export;
    private final CooperativeImport importer;
    private final ProjectionCatchUp views;
    private final Serializer eventSerializer;
    private final Configuration axon;

    CooperativeArchives(CooperativeExport export, CooperativeImport importer, ProjectionCatchUp views,
                        @Qualifier("eventSerializer") Serializer eventSerializer, Configuration axon) {
        this.export = export;
        this.importer = importer;
        this.views = views;
        this.eventSerializer = eventSerializer;
        this.axon = axon;
    }

    /** The archive's file name and bytes. */
    public Download export(CooperativeId cooperativeId) {
        CooperativeExport.Exported exported = export.export(cooperativeId);
        return new Download("cooperative-" + cooperativeId.value() + ".zip", exported.zip());
    }

    public record Download(String filename, byte[] zip) {
    }

    public Imported importArchive(byte[] zip) {
        // read as the event store reads: its serializer, and its upcasters for older revisions
        Parsed archive = new ArchiveReader(eventSerializer, axon.upcasterChain()).read(zip);
        if (importer.exists(archive.manifest().cooperativeId())) {
            throw CooperativeImport.alreadyHere(archive.manifest().cooperativeId());
        }
        List<Invited> invited;
        try {
            invited = importer.write(archive);
        } catch (DataIntegrityViolationException e) {
            log.info("import of cooperative {} refused by the database: {}", archive.manifest().cooperativeId(), e.getMessage());
            throw ArchiveReader.refused("archive", "does not fit this installation's data: "
                    + e.getMostSpecificCause().getClass().getSimpleName());
        }
        // the processors see the appended events as any others; answer once the views show them
        views.await();
        log.info("imported cooperative {} ({} events, {} invitations)", archive.manifest().cooperativeId(),
                archive.events().size(), invited.size());
        return new Imported(archive.manifest().cooperativeId(), archive.events().size(),
                invited.stream().map(i -> new Invitation(i.email(), i.memberId(), i.projectId(), i.token(), i.mailed())).toList());
    }

    /** What an import brought: the cooperative, how many events, and an invitation for every login it had. */
    public record Imported(String cooperativeId, long events, List<Invitation> invitations) {
    }

    /**
     * A fresh invitation to a membership ({@code memberId}) or to a project's client access
     * ({@code projectId}); {@code token} is null when it went by mail.
     */
    public record Invitation(String email, String memberId, String projectId, String token, boolean mailed) {
    }
}
