package io.tidings.web;

import io.tidings.accounts.AccountsApi;
import io.tidings.accounts.User;
import io.tidings.records.Lead;
import io.tidings.records.LeadPatch;
import io.tidings.records.LeadStage;
import io.tidings.records.Money;
import io.tidings.records.NewLead;
import io.tidings.records.RecordsApi;
import io.tidings.shared.InvalidInputException;
import io.tidings.threads.RecordRef;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;

/** Leads list with a create form, and a lead's page with its thread beside it. */
@Controller
class LeadsPageController {

    private final RecordsApi records;
    private final AccountsApi accounts;
    private final ThreadPanel panel;

    LeadsPageController(RecordsApi records, AccountsApi accounts, ThreadPanel panel) {
        this.records = records;
        this.accounts = accounts;
        this.panel = panel;
    }

    /** As typed; revenue is a decimal in the currency ("1234.50"), converted exactly to minor units. */
    record LeadForm(String name, Long contactId, String stage, String salesperson, Integer priority, String revenue,
                    String currency, String tags) {
        Long revenueMinor() {
            return revenue == null || revenue.isBlank() ? null : Money.toMinor(revenue, currency, "revenue");
        }

        List<String> tagList() {
            return tags == null ? List.of() : Arrays.stream(tags.split("[;,]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        }
    }

    @GetMapping("/leads")
    String list(@RequestParam(required = false) String stage, Model model) {
        model.addAttribute("leads", records.leads(stage == null || stage.isBlank() ? null : stage, null, 100));
        model.addAttribute("stage", stage);
        common(model);
        return "records/leads";
    }

    @PostMapping("/leads")
    String create(LeadForm form, RedirectAttributes flash) {
        try {
            Lead lead = records.createLead(new NewLead(form.name(), form.contactId(), blankToNull(form.stage()),
                    blankToNull(form.salesperson()), form.priority(), form.revenueMinor(), blankToNull(form.currency()),
                    form.tagList()));
            return "redirect:/leads/" + lead.id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/leads";
        }
    }

    @GetMapping("/leads/{id}")
    String detail(@PathVariable long id, Authentication auth, Model model) {
        Lead lead = records.lead(id);
        model.addAttribute("lead", lead);
        model.addAttribute("revenue", Money.format(lead.expectedRevenueMinor(), lead.currency()));
        common(model);
        panel.fill(model, RecordRef.lead(id), auth.getName());
        return "records/lead";
    }

    @PostMapping("/leads/{id}")
    String update(@PathVariable long id, @RequestParam String stage, @RequestParam(required = false) String salesperson,
                  @RequestParam(required = false) Integer priority, Authentication auth, RedirectAttributes flash) {
        try {
            records.updateLead(id, new LeadPatch(null, null, stage, salesperson == null ? "" : salesperson, priority,
                    null, null, null), auth.getName());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/leads/" + id;
    }

    private void common(Model model) {
        model.addAttribute("stages", Arrays.stream(LeadStage.values()).map(LeadStage::key).toList());
        model.addAttribute("salespeople", accounts.users().stream().filter(User::enabled).map(User::username).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
