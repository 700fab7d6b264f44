/**
 * HL7 v2.5 datatypes as XDS metadata carries them in slot and external identifier values
 * (IHE ITI TF-3 4.2.3.1.7).
 *
 * <p>Encoding: components are separated by {@code ^}, subcomponents by {@code &}, and the
 * escape character {@code \} opens an escape sequence closed by the next {@code \}
 * ({@code \S\} for {@code ^}, {@code \T\} for {@code &}, {@code \F\} for {@code |},
 * {@code \R\} for {@code ~}, {@code \E\} for {@code \}). Repetition ({@code ~}) is never allowed
 * in these values: XDS repeats a value by repeating the slot value instead.
 *
 * <p>Each type has a {@code parse(value, attribute)} that refuses a malformed value with
 * {@code XDSRegistryMetadataError}, naming the attribute and the component at fault but never
 * echoing the value, which may be patient data.
 */
package org.opendmp.registry.hl7;
