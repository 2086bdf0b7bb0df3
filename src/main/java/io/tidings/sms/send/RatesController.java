package io.tidings.sms.send;

import io.tidings.sms.SmsApi;
import io.tidings.sms.SmsRate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Rate cards: everyone reads them, admins change them (SecurityConfig). */
@RestController
@RequestMapping("/api/v1/sms/rates")
class RatesController {

    private final SmsApi sms;

    RatesController(SmsApi sms) {
        this.sms = sms;
    }

    @GetMapping
    List<SmsRate> list() {
        return sms.rates();
    }

    @PostMapping
    SmsRate save(@RequestBody SmsRate rate) {
        return sms.saveRate(rate);
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Map<String, Integer> importCsv(@RequestBody String csv) {
        return Map.of("imported", sms.importRates(csv));
    }

    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sms-rates.csv\"")
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8")).body(sms.exportRatesCsv());
    }
}
