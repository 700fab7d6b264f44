package org.opendmp.security.vihf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.opendmp.security.actor.Actor;
import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Assertions already validated, keyed by a SHA-256 digest of their whole content, so that clinical software
 * reusing one assertion for a patient session pays the signature and path checks once. The key covers every
 * node of the assertion (names, namespaces, attributes, text, comments): a different assertion, or the same
 * one altered in any way, has another key and is validated in full. What a hit skips never depends on time;
 * the times (and the signer certificate's end of validity) are checked again on every use. Bounded: when full,
 * the cache is emptied and refills.
 */
final class AcceptedAssertions {

    /** An assertion that passed every check but the time ones, with what those need. */
    record Entry(Actor actor, VihfValidator.Header header, Instant signerNotAfter) {
    }

    private final int capacity;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    AcceptedAssertions(int capacity) {
        this.capacity = capacity;
    }

    Entry get(Key key) {
        return entries.get(key);
    }

    void put(Key key, Entry entry) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, entry);
    }

    /** The digest of {@code node}'s subtree, in document order, every node kind and attribute included. */
    static Key keyOf(Node node) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            feed(digest, node);
            return new Key(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    private static void feed(MessageDigest digest, Node node) {
        digest.update((byte) node.getNodeType());
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                text(digest, node.getNamespaceURI());
                text(digest, node.getNodeName());
                NamedNodeMap attributes = node.getAttributes();
                String[] sorted = new String[attributes.getLength()];
                for (int i = 0; i < sorted.length; i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    sorted[i] = attribute.getNamespaceURI() + '\u0000' + attribute.getName() + '\u0000' + attribute.getValue();
                }
                Arrays.sort(sorted);
                digest.update(new byte[] {(byte) (sorted.length >>> 24), (byte) (sorted.length >>> 16),
                        (byte) (sorted.length >>> 8), (byte) sorted.length});
                for (String attribute : sorted) {
                    text(digest, attribute);
                }
                for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    feed(digest, child);
                }
                digest.update((byte) 0xFF); // end of element: nesting is part of the content
            }
            default -> {
                text(digest, node.getNodeName());
                text(digest, node.getNodeValue());
            }
        }
    }

    private static void text(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                (byte) (bytes.length >>> 8), (byte) bytes.length});
        digest.update(bytes);
    }

    /** A content digest, compared by value. */
    record Key(byte[] sha256) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && MessageDigest.isEqual(sha256, key.sha256);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sha256);
        }
    }
}
