public class DiagnosticsController : Controller
{
    // ruleid: debug.debug-route
    [HttpGet("debug/config")]
    public IActionResult Config() => Ok(_config);
}
