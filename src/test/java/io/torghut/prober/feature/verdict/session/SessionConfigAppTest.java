package io.torghut.prober.feature.verdict.session;

import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.boot.config.OperateProfile;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session keys reach the running app: holidays close the session, an expired calendar warns in /diagnose. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(OperateProfile.class)
class SessionConfigAppTest {

    @Test
    void configuredHolidaysCloseTheSessionInTheRunningApp() {
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.equals("torghut_prober_trading_session_open 0.0")),
                "today is a configured holiday, so trading_session_open must be 0:\n" + metrics.lines()
                        .filter(l -> l.contains("session_open")).toList());
        JsonPath json = given().accept("application/json").get("/diagnose").then().statusCode(200).extract().jsonPath();
        assertEquals(false, json.getBoolean("sessionOpen"));
        assertTrue(json.getString("session").contains("calendar operate-calendar"), json.getString("session"));
        Map<String, Object> calendar = json.getMap("sections.calendar");
        assertEquals(2025, calendar.get("coversThrough"));
        assertEquals("closed (prober.session.holidays)", calendar.get("today"));
        assertTrue(calendar.get("warning").toString().startsWith("the " + OperateProfile.CALENDAR.getFileName()
                + " calendar lists 2024-2025 only: holidays and early closes in " + LocalDate.now(ZoneOffset.UTC).getYear()), calendar::toString);
    }

    @Test
    void theTextReportWarnsThatTheCalendarRanOut() {
        String text = given().get("/diagnose").then().statusCode(200).extract().asString();
        assertTrue(text.contains("MARKET CALENDAR\nWARNING: the " + OperateProfile.CALENDAR.getFileName() + " calendar lists 2024-2025 only"), text);
        assertTrue(text.contains("today closed (prober.session.holidays)"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("session closed (")), text);
    }
}
