package org.opendmp.security.access;

import java.io.Reader;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.opendmp.security.actor.PurposeOfUse;

/**
 * The rights matrix ({@code rights-matrix.csv}, docs/ACCESS-RULES.md): which transactions each
 * authentication kind, role and access mode may run, with conditions on the patient's record. The first
 * row that matches decides; no matching row means DENY. Compiled at load into one cell per transaction,
 * authentication kind, role and access mode, so a decision is an array lookup.
 */
final class RightsMatrix {

    static final List<String> COLUMNS =
            List.of("transaction", "authentication", "role", "access_mode", "decision", "conditions");
    static final String OCCUPATIONAL_SPECIALTIES = "@occupational-physician-specialties";
    static final String REFERENCE_ONLY = "REFERENCE_ONLY";

    /** The row that decides a cell. {@code conditions} in check order. */
    record Rule(int line, boolean allows, Condition[] conditions, boolean referenceOnly) {
    }

    private static final int AUTHENTICATIONS = AuthenticationKind.values().length;
    private static final int ROLES = ActorRole.values().length;
    private static final int MODES = PurposeOfUse.values().length;

    private final String source;
    private final int rowCount;
    private final Rule[] cells;
    private final Set<String> occupationalSpecialties;

    private RightsMatrix(String source, int rowCount, Rule[] cells, Set<String> occupationalSpecialties) {
        this.source = source;
        this.rowCount = rowCount;
        this.cells = cells;
        this.occupationalSpecialties = occupationalSpecialties;
    }

    /** The deciding rule, or {@code null} when no row matches (DENY). */
    Rule rule(DmpTransaction transaction, AuthenticationKind authentication, ActorRole role, PurposeOfUse mode) {
        return cells[index(transaction, authentication, role, mode)];
    }

    Set<String> occupationalSpecialties() {
        return occupationalSpecialties;
    }

    String source() {
        return source;
    }

    int rowCount() {
        return rowCount;
    }

    private static int index(DmpTransaction transaction, AuthenticationKind authentication, ActorRole role,
            PurposeOfUse mode) {
        return ((transaction.ordinal() * AUTHENTICATIONS + authentication.ordinal()) * ROLES + role.ordinal()) * MODES
                + mode.ordinal();
    }

    static RightsMatrix parse(String source, Reader reader) {
        RuleFile file = RuleFile.read(source, reader, COLUMNS, 5, Set.of(OCCUPATIONAL_SPECIALTIES));
        List<String> specialties = file.directive(OCCUPATIONAL_SPECIALTIES);
        if (specialties == null) {
            throw new InvalidAccessRulesException(source, 0, "missing directive " + OCCUPATIONAL_SPECIALTIES
                    + " (the specialty codes of occupational physicians; may list none)");
        }
        Rule[] cells = new Rule[DmpTransaction.values().length * AUTHENTICATIONS * ROLES * MODES];
        for (RuleFile.Row row : file.rows()) {
            compile(file, row, cells);
        }
        return new RightsMatrix(source, file.rows().size(), cells, Set.copyOf(specialties));
    }

    /** Fills the cells {@code row} decides, those no earlier row decided. */
    private static void compile(RuleFile file, RuleFile.Row row, Rule[] cells) {
        Set<DmpTransaction> transactions = values(file, row, 0, DmpTransaction.class, DmpTransaction::ofTdName,
                Arrays.stream(DmpTransaction.values()).map(DmpTransaction::tdName).toList());
        Set<AuthenticationKind> authentications = values(file, row, 1, AuthenticationKind.class,
                name -> byName(AuthenticationKind.class, name), names(AuthenticationKind.class));
        Set<ActorRole> roles = values(file, row, 2, ActorRole.class, name -> byName(ActorRole.class, name),
                names(ActorRole.class));
        Set<PurposeOfUse> modes = values(file, row, 3, PurposeOfUse.class, name -> byName(PurposeOfUse.class, name),
                names(PurposeOfUse.class));
        Rule rule = rule(file, row, transactions);
        int decided = 0;
        for (DmpTransaction transaction : transactions) {
            for (AuthenticationKind authentication : authentications) {
                for (ActorRole role : roles) {
                    for (PurposeOfUse mode : modes) {
                        int index = index(transaction, authentication, role, mode);
                        if (cells[index] == null) {
                            cells[index] = rule;
                            decided++;
                        }
                    }
                }
            }
        }
        if (decided == 0) {
            throw file.error(row, "this row never applies: earlier rows already decide every case it covers");
        }
    }

    private static Rule rule(RuleFile file, RuleFile.Row row, Set<DmpTransaction> transactions) {
        String decision = row.cell(4);
        if (!decision.equals("ALLOW") && !decision.equals("DENY")) {
            throw file.error(row, "decision must be ALLOW or DENY, found " + decision);
        }
        boolean allows = decision.equals("ALLOW");
        String conditionCell = row.cell(5);
        if (conditionCell.isEmpty()) {
            return new Rule(row.line(), allows, new Condition[0], false);
        }
        if (!allows) {
            throw file.error(row, "a DENY row takes no conditions, found " + conditionCell);
        }
        EnumSet<Condition> conditions = EnumSet.noneOf(Condition.class);
        boolean referenceOnly = false;
        for (String token : conditionCell.split("\\+")) {
            String name = token.trim();
            if (name.equals(REFERENCE_ONLY)) {
                referenceOnly = true;
                continue;
            }
            Condition condition = byName(Condition.class, name);
            if (condition == null) {
                throw file.error(row, "unknown condition '" + name + "' (expected " + String.join(", ",
                        names(Condition.class)) + ", " + REFERENCE_ONLY + ", joined by +)");
            }
            conditions.add(condition);
        }
        if (referenceOnly && !transactions.equals(EnumSet.of(DmpTransaction.TD3_1))) {
            throw file.error(row, REFERENCE_ONLY + " applies to TD3.1 (document search) only");
        }
        if (!conditions.isEmpty()) {
            for (DmpTransaction transaction : transactions) {
                if (!transaction.aboutOnePatient()) {
                    throw file.error(row, "conditions " + conditions + " are about a patient's record, and "
                            + transaction.tdName() + " is about no one patient");
                }
            }
        }
        return new Rule(row.line(), true, conditions.toArray(new Condition[0]), referenceOnly);
    }

    /** The values of a selector cell: {@code *}, or names joined by {@code |}. */
    private static <E extends Enum<E>> Set<E> values(RuleFile file, RuleFile.Row row, int column, Class<E> type,
            Function<String, E> byName, List<String> allowed) {
        String cell = row.cell(column);
        if (cell.equals("*")) {
            return EnumSet.allOf(type);
        }
        EnumSet<E> values = EnumSet.noneOf(type);
        for (String token : cell.split("\\|")) {
            String name = token.trim();
            E value = byName.apply(name);
            if (value == null) {
                throw file.error(row, "unknown " + COLUMNS.get(column) + " '" + name + "' (expected *, or "
                        + String.join(", ", allowed) + ", joined by |)");
            }
            values.add(value);
        }
        return values;
    }

    private static <E extends Enum<E>> E byName(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
