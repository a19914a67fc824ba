package dev.funnel.common;

/** No such record among the caller's teams: an id of another team reads exactly like an unknown id. */
public class NotFoundException extends FunnelException {

    public NotFoundException(String type, String id) {
        super(ErrorCode.NOT_FOUND, "No " + type + " with id '" + id + "'");
    }
}
