package io.tidings.threads;

import io.tidings.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A record's thread over the API: /api/v1/records/{model}/{id}/messages, followers and activities. */
@RestController
@RequestMapping("/api/v1/records/{model}/{id}")
class ThreadsController {

    private final ThreadsApi threads;

    ThreadsController(ThreadsApi threads) {
        this.threads = threads;
    }

    /** Only email and note may be posted from outside; SMS and inbound mail come from their modules. */
    record PostRequest(String kind, String subject, String body, List<String> to) {
    }

    record FollowRequest(String user, Long contactId, List<String> subtypes) {
    }

    record ActivityRequest(Long id, String type, LocalDate dueDate, String assignee, String note, Boolean done) {
    }

    @GetMapping("/messages")
    MessagePage messages(@PathVariable String model, @PathVariable long id, @RequestParam(required = false) Long before,
                         @RequestParam(defaultValue = "50") int limit) {
        return threads.messages(RecordRef.of(model, id), before, limit);
    }

    @PostMapping("/messages")
    ResponseEntity<ThreadMessage> post(@PathVariable String model, @PathVariable long id, @RequestBody PostRequest r,
                                       Principal principal) {
        RecordRef ref = RecordRef.of(model, id);
        if ("sms".equals(r.kind())) {
            return ResponseEntity.status(HttpStatus.CREATED).body(threads.sendSms(ref, r.body(), actor(principal)));
        }
        MessageKind kind = switch (r.kind() == null ? "" : r.kind()) {
            case "email" -> MessageKind.EMAIL_OUT;
            case "note" -> MessageKind.NOTE;
            default -> throw new InvalidInputException("kind", "kind must be email, sms or note");
        };
        ThreadMessage m = threads.post(ref, new NewMessage(kind, actor(principal), null, r.subject(), r.body(),
                r.to() == null ? List.of() : r.to(), null, null));
        return ResponseEntity.status(HttpStatus.CREATED).body(m);
    }

    @GetMapping("/followers")
    List<Follower> followers(@PathVariable String model, @PathVariable long id) {
        return threads.followers(RecordRef.of(model, id));
    }

    @PostMapping("/followers")
    ResponseEntity<Follower> follow(@PathVariable String model, @PathVariable long id, @RequestBody FollowRequest r) {
        Set<Subtype> subtypes = r.subtypes() == null ? Set.of()
                : r.subtypes().stream().map(Subtype::parse).collect(Collectors.toSet());
        return ResponseEntity.status(HttpStatus.CREATED).body(threads.follow(RecordRef.of(model, id), follower(r.user(), r.contactId(), subtypes)));
    }

    @DeleteMapping("/followers")
    ResponseEntity<Void> unfollow(@PathVariable String model, @PathVariable long id,
                                  @RequestParam(required = false) String user, @RequestParam(required = false) Long contactId) {
        boolean removed = threads.unfollow(RecordRef.of(model, id), follower(user, contactId, Set.of()));
        return removed ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @GetMapping("/activities")
    List<Activity> activities(@PathVariable String model, @PathVariable long id) {
        return threads.activities(RecordRef.of(model, id));
    }

    @PostMapping("/activities")
    ResponseEntity<Activity> schedule(@PathVariable String model, @PathVariable long id, @RequestBody ActivityRequest r,
                                      Principal principal) {
        Activity a = threads.schedule(RecordRef.of(model, id), new NewActivity(r.type(), r.dueDate(), r.assignee(), r.note()),
                actor(principal));
        return ResponseEntity.status(HttpStatus.CREATED).body(a);
    }

    /** The activity is named in the path, or by "id" in the body when patching the collection. */
    @PatchMapping({"/activities", "/activities/{activityId}"})
    Activity update(@PathVariable String model, @PathVariable long id, @PathVariable(required = false) Long activityId,
                    @RequestBody ActivityRequest r, Principal principal) {
        RecordRef ref = RecordRef.of(model, id);
        Long which = activityId != null ? activityId : r.id();
        if (which == null) {
            throw new InvalidInputException("id", "name the activity to change");
        }
        if (!threads.activity(which).record().equals(ref)) {
            throw new io.tidings.shared.NotFoundException("There is no activity " + which + " on " + ref.key() + ".");
        }
        return threads.updateActivity(which, new ActivityPatch(r.type(), r.dueDate(), r.assignee(), r.note(), r.done()),
                actor(principal));
    }

    private static Follower follower(String user, Long contactId, Set<Subtype> subtypes) {
        if ((user == null) == (contactId == null)) {
            throw new InvalidInputException("follower", "name either a user or a contactId");
        }
        return user != null ? Follower.user(user, subtypes) : Follower.contact(contactId, subtypes);
    }

    private static String actor(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
