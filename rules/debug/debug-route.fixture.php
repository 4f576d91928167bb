<?php
// ruleid: debug.debug-route
Route::get('/debug/info', [DebugController::class, 'info']);
// ok: debug.debug-route
Route::get('/orders', [OrderController::class, 'index']);
