package org.opendmp.registry.ebrim;

import java.util.List;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.opendmp.wsdl.rim.SlotType1;
import org.opendmp.wsdl.rim.ValueListType;

/** Reading ebRIM slots with the XDS cardinality rules; every refusal is an XDSRegistryMetadataError. */
public final class Slots {

    private Slots() {
    }

    public static List<String> values(RegistryObjectType object, String name, String location) {
        SlotType1 found = null;
        for (SlotType1 slot : object.getSlot()) {
            if (name.equals(slot.getName())) {
                if (found != null) {
                    throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                            "slot " + name + " appears more than once", location);
                }
                found = slot;
            }
        }
        if (found == null || found.getValueList() == null) {
            return List.of();
        }
        return found.getValueList().getValue();
    }

    /** The single value of a slot; null when absent and not required. */
    public static String single(RegistryObjectType object, String name, boolean required, String location) {
        List<String> values = values(object, name, location);
        if (values.isEmpty()) {
            if (required) {
                throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                        "missing required slot " + name, location);
            }
            return null;
        }
        if (values.size() > 1) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                    "slot " + name + " must have exactly one value", location);
        }
        String value = values.get(0) == null ? "" : values.get(0).trim();
        if (value.isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError, "slot " + name + " is empty", location);
        }
        return value;
    }

    /** Sets (or replaces) a single-valued slot, as the repository does for size, hash and repositoryUniqueId. */
    public static void set(RegistryObjectType object, String name, String value) {
        object.getSlot().removeIf(slot -> name.equals(slot.getName()));
        SlotType1 slot = new SlotType1();
        slot.setName(name);
        ValueListType list = new ValueListType();
        list.getValue().add(value);
        slot.setValueList(list);
        object.getSlot().add(slot);
    }
}
