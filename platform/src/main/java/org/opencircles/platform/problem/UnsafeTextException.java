package org.opencircles.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string the database could not store; its message is the reason, and Jackson adds the field's path. */
public class UnsafeTextException extends JsonMappingException {

    public UnsafeTextException(JsonParser parser, String reason) {
        super(parser, reason);
    }
}
