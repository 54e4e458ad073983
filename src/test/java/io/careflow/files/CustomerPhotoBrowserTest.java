package io.careflow.files;

import static io.careflow.support.DemoPeople.BORIS;
import static io.careflow.support.SupportMailbox.deliver;
import static io.careflow.support.SupportMailbox.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.careflow.communication.ReplyStep;
import io.careflow.mailbox.MailboxPoller;
import io.careflow.casefile.Contact;
import io.careflow.protocol.defect.DefectReplacementProcess;
import io.careflow.protocol.defect.DefectReplacementProcess.Elements;
import io.careflow.support.Browser;
import io.careflow.support.ProtocolTestSupport;
import io.careflow.support.SupportMailbox;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer's photo of the broken kettle, sent with their e-mail, is in front of boris on
 * "Review replacement request" in Tasklist: a thumbnail that loads (with his Tasklist session, no
 * second sign-in) and links to the photo.
 */
class CustomerPhotoBrowserTest extends ProtocolTestSupport {


  @Autowired
  MailboxPoller mailbox;

  @Test
  void shouldShowThePhotoFromTheCustomersEmailOnTheReplacementReview() throws Exception {
    String customer = uniqueEmail("photo");
    String messageId = deliver(mail(customer, "Irina Petrova", "Broken kettle",
        "My kettle stopped working after a week. Photo attached.",
        new SupportMailbox.File("kettle.png", "image/png", photo())));
    mailbox.pollOnce();
    Contact contact = jdbc.sql("select id from contact where external_id = ?").param(messageId).query(String.class)
        .optional().flatMap(contacts::find).orElseThrow();
    ProcessInstance pi = protocol(contact, DefectReplacementProcess.KEY);
    Map<String, Object> talk = new HashMap<>();
    DefectReplacementProcess.DIALOGUE_STEPS.forEach(step -> talk.put(step, "DONE"));
    talk.put(ReplyStep.REPLY_TEXT, "We will replace the kettle: the service team reviews your request within 2 days.");
    talk.put(DefectReplacementProcess.REGISTERED_BY, "AGENT");
    talk.put(DefectReplacementProcess.PRODUCT_SKU, "KET-200");
    talk.put(DefectReplacementProcess.FAULT, "Heating element dead");
    complete(pi, "boris", BORIS, talk);
    run(pi, Elements.SERVICE_SEND_REPLY);
    run(pi, Elements.SERVICE_CONFIRM_REQUEST_RECEIVED);
    assertThat(pi).isWaitingAt(Elements.USER_REVIEW_REPLACEMENT_REQUEST);
    Task review = task(pi);

    try (Browser browser = Browser.start("customer-photo")) {
      browser.onFailureScreenshot(() -> {
        browser.signInToTasklist(baseUrl(), "boris");
        By thumbnail = By.cssSelector("img[alt='kettle.png']");
        browser.openTask(baseUrl(), review.getId(), d -> !d.findElements(thumbnail).isEmpty());
        WebElement image = browser.driver().findElement(thumbnail);
        // loaded, not a broken image: the case page's rule let boris's Tasklist session open it
        browser.waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
            "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
        assertThat(image.getDomAttribute("src")).startsWith("/cases/" + contact.id() + "/files/");
        assertThat(browser.driver().findElements(By.xpath("//a[normalize-space()='kettle.png']"))).isNotEmpty();
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
            image);
        Browser.renewDocPicture(browser.screenshot("review-with-photo"), "review-replacement-request-photo.png");
      });
    }
  }

  /** A small PNG of a kettle-coloured square. */
  static byte[] photo() throws Exception {
    var image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(200, 60, 40));
    g.fillRect(0, 0, 120, 90);
    g.setColor(Color.WHITE);
    g.fillOval(30, 15, 60, 60);
    g.dispose();
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
