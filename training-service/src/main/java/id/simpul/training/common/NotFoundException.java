package id.simpul.training.common;

/** No such programme, partner, training, invitation, enrolment or certificate: 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("There is no " + what + " " + id + ".");
    }
}
