package org.opendmp.registry.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stores the author ids of the DocumentEntries registered before migration V1_7, read from their
 * stored ebRIM (SQL alone cannot parse the XML and the HL7 values portably). Until it has run,
 * {@link DocumentFactsStore} reads those entries' ebRIM at each lookup: the answers are the same,
 * only slower. Safe to run on several nodes at once and again after an interruption: each entry
 * is claimed by the update of its flag, in a transaction per batch.
 */
public class AuthorIdBackfill {

    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;

    public AuthorIdBackfill(JdbcTemplate jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Indexes every entry still without stored author ids; returns how many it indexed. */
    public int run(int batchSize) {
        int total = 0;
        while (true) {
            Integer indexed = transactions.execute(tx -> batch(batchSize));
            if (indexed == null || indexed < 0) {
                return total;
            }
            total += indexed;
        }
    }

    /** One batch; -1 when no entry is left. */
    private int batch(int batchSize) {
        List<String[]> entries = jdbc.query("SELECT uuid, ebrim FROM document_entry WHERE author_ids_indexed = FALSE"
                + " ORDER BY uuid LIMIT " + batchSize, (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        if (entries.isEmpty()) {
            return -1;
        }
        int[] claimed = jdbc.batchUpdate("UPDATE document_entry SET author_ids_indexed = TRUE"
                + " WHERE uuid = ? AND author_ids_indexed = FALSE", entries.stream().map(e -> new Object[] {e[0]}).toList());
        List<Object[]> rows = new ArrayList<>();
        int indexed = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (claimed[i] != 0) { // another node indexed it meanwhile otherwise
                indexed++;
                rows.addAll(AuthorIds.fromEbrim(entries.get(i)[1]).rows(entries.get(i)[0]));
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(AuthorIds.INSERT, rows);
        }
        return indexed;
    }
}
