package org.opendmp.server.config;

import java.time.Clock;
import org.opendmp.registry.affinity.AffinityDomain;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.registry.patient.PatientIdPolicy;
import org.opendmp.registry.query.StoredQueryService;
import org.opendmp.registry.remove.RemovalStore;
import org.opendmp.registry.remove.RemoveMetadata;
import org.opendmp.registry.access.AuthorIdBackfill;
import org.opendmp.registry.store.RegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.opendmp.registry.submit.RegisterDocumentSet;
import org.opendmp.registry.update.UpdateDocumentSet;
import org.opendmp.registry.update.VersionStore;
import org.opendmp.repository.provide.ProvideAndRegisterDocumentSet;
import org.opendmp.repository.remove.RemoveDocuments;
import org.opendmp.repository.retrieve.RetrieveDocumentSet;
import org.opendmp.repository.store.DocumentStore;
import org.opendmp.repository.store.JdbcDocumentStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the registry and repository (combined deployment: one database, one transaction). */
@Configuration(proxyBeanMethods = false)
public class XdsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(XdsConfiguration.class);

    @Bean
    public EbrimXml ebrimXml() {
        return new EbrimXml();
    }

    @Bean
    public RegistryStore registryStore(JdbcTemplate jdbc, EbrimXml ebrimXml) {
        return new RegistryStore(jdbc, ebrimXml);
    }

    @Bean
    public AffinityDomain affinityDomain(DmpProperties properties) {
        return AffinityDomain.load(properties.registry().affinityDomain(), properties.registry().affinityDomainDir());
    }

    @Bean
    public PatientIdPolicy patientIdPolicy(PatientRegistry patientRegistry) {
        return new PatientIdPolicy(patientRegistry.insAuthorities(), patientRegistry);
    }

    @Bean
    public RegisterDocumentSet registerDocumentSet(PatientIdPolicy patients, AffinityDomain affinityDomain,
                                                   RegistryStore store, TransactionTemplate transactions) {
        return new RegisterDocumentSet(new SubmissionReader(patients, affinityDomain), store, transactions,
                Clock.systemUTC());
    }

    @Bean
    public UpdateDocumentSet updateDocumentSet(PatientIdPolicy patients, RegistryStore store, JdbcTemplate jdbc,
                                               EbrimXml ebrimXml, TransactionTemplate transactions) {
        return new UpdateDocumentSet(new SubmissionReader(patients), store, new VersionStore(jdbc, ebrimXml), transactions,
                Clock.systemUTC());
    }

    @Bean
    public StoredQueryService storedQueryService(DmpProperties properties, JdbcTemplate jdbc) {
        return new StoredQueryService(jdbc, properties.registry().maxQueryResults());
    }

    @Bean
    public DocumentStore documentStore(DmpProperties properties, JdbcTemplate jdbc) {
        return new JdbcDocumentStore(jdbc, properties.repository().uniqueId());
    }

    @Bean
    public ProvideAndRegisterDocumentSet provideAndRegisterDocumentSet(DmpProperties properties,
            RegisterDocumentSet registry, DocumentStore documents, TransactionTemplate transactions) {
        return new ProvideAndRegisterDocumentSet(registry, documents, transactions, properties.repository().uniqueId());
    }

    @Bean
    public RetrieveDocumentSet retrieveDocumentSet(DmpProperties properties, DocumentStore documents,
                                                   RegistryStore registry) {
        return new RetrieveDocumentSet(documents, properties.repository().uniqueId(), registry.documentFacts());
    }

    @Bean
    public RemoveMetadata removeMetadata(JdbcTemplate jdbc, RegistryStore store, TransactionTemplate transactions) {
        return new RemoveMetadata(store, new RemovalStore(jdbc), transactions);
    }

    @Bean
    public RemoveDocuments removeDocuments(DmpProperties properties, DocumentStore documents,
                                           TransactionTemplate transactions) {
        return new RemoveDocuments(documents, transactions, properties.repository().uniqueId());
    }

    /**
     * Indexes, in the background after startup, the author ids of DocumentEntries registered before
     * migration V1_7 (the access rules read them); until done those entries are read from their ebRIM.
     */
    @Bean
    public ApplicationRunner authorIdBackfill(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return args -> {
            Thread worker = new Thread(() -> {
                try {
                    int indexed = new AuthorIdBackfill(jdbc, transactions).run(500);
                    if (indexed > 0) {
                        LOG.info("Indexed the author ids of {} document entries registered before this version", indexed);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Author id indexing stopped ({}); it resumes at the next start", e.getClass().getSimpleName());
                }
            }, "author-id-backfill");
            worker.setDaemon(true);
            worker.start();
        };
    }
}
