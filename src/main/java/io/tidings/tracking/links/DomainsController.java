package io.tidings.tracking.links;

import io.tidings.shared.NotFoundException;
import io.tidings.tracking.LinkDomain;
import io.tidings.tracking.TrackingApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The allow-list of link domains over the API; changing it is for admins and marketers (SecurityConfig). */
@RestController
@RequestMapping("/api/v1/tracking/domains")
class DomainsController {

    private final TrackingApi tracking;

    DomainsController(TrackingApi tracking) {
        this.tracking = tracking;
    }

    record DomainRequest(String domain) {
    }

    @GetMapping
    List<LinkDomain> list() {
        return tracking.domains();
    }

    @PostMapping
    ResponseEntity<LinkDomain> allow(@RequestBody DomainRequest request, Authentication who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tracking.allowDomain(request.domain(), who.getName()));
    }

    @DeleteMapping("/{domain}")
    ResponseEntity<Void> remove(@PathVariable String domain) {
        if (!tracking.removeDomain(domain)) {
            throw new NotFoundException("Domain " + domain + " is not in the allow-list.");
        }
        return ResponseEntity.noContent().build();
    }
}
