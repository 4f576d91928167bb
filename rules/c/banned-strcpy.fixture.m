// Fixture for c.banned.strcpy in Objective-C: methods call the same C library as C does.
#import <Foundation/Foundation.h>
#include <string.h>

@interface Account : NSObject
@property (nonatomic, copy) NSString *name;
@end

@implementation Account
- (void)copyNameInto:(char *)buffer {
    // ruleid: c.banned.strcpy
    strcpy(buffer, [self.name UTF8String]);
    // ok: c.banned.strcpy
    strlcpy(buffer, [self.name UTF8String], 64);
    // A message whose selector happens to be named like the function is not the C call.
    // ok: c.banned.strcpy
    [self.copier strcpy:buffer from:self.name];
    // ok: c.banned.strcpy
    NSLog(@"strcpy(buffer, name) is banned");
}
@end
