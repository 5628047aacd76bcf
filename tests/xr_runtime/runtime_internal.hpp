// Shared between the test runtime's files: session state changes, script, readback, report.
#pragma once

#include <string>

#include "tests/xr_runtime/runtime_state.hpp"

namespace xrt {

void problem(const std::string& what);  // recorded in the report and printed on stderr
bool loadScript(Script& script);        // from $EXHIBIT_TEST_XR_SCRIPT; false (with a problem) when broken
void applyScript(Runtime& rt, Session* session);  // the keyframes of rt.frame
void readBack(Swapchain& sc);           // the last released image to $EXHIBIT_TEST_XR_OUT/<role>.png
void writeReport(const Runtime& rt);    // $EXHIBIT_TEST_XR_OUT/report.json

void setState(Session& s, XrSessionState state);  // queues the state change event
void headset(Session& s, bool on);                // worn / taken off
void requestExit(Session& s);                     // down to STOPPING

}  // namespace xrt
