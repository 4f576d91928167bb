@RestController
class DebugController {
    // ruleid: debug.debug-route
    @GetMapping("/debug/env")
    Map<String, String> env() { return System.getenv(); }

    // ruleid: debug.debug-route
    @RequestMapping(value = "/debug/heap")
    String heap() { return dump(); }

    // ok: debug.debug-route
    @GetMapping("/orders")
    List<Order> orders() { return repo.findAll(); }
}
