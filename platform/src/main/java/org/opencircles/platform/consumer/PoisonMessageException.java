package org.opencircles.platform.consumer;

/** A message that can never be processed (not JSON, no envelope, payload not of its type); it goes to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
