// Fixture for c.banned.sprintf in Objective-C.
#import <Foundation/Foundation.h>
#include <stdio.h>

@implementation Formatter
- (void)formatCount:(int)count into:(char *)buffer {
    // ruleid: c.banned.sprintf
    sprintf(buffer, "%d items", count);
    // ok: c.banned.sprintf
    snprintf(buffer, 32, "%d items", count);
    // ok: c.banned.sprintf
    NSString *text = [NSString stringWithFormat:@"%d items", count];
    NSLog(@"%@", text);
}
@end
