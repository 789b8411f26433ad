#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exchanges two folders in one atomic step, so that a reader of either path finds one
/// complete folder or the other, never neither.
///
/// Linux has `renameat2(…, RENAME_EXCHANGE)` since 3.15 and glibc since 2.28, but Swift's
/// Glibc module does not declare it, so it is looked up by name; macOS has `renamex_np`
/// with `RENAME_SWAP`. Where neither works (an older system, a file system without the
/// exchange), `exchange` returns false and the caller renames in two steps.
enum FolderSwap {
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if canImport(Glibc)
        // RTLD_DEFAULT (a null handle): the C library meshsim is linked with.
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        // RENAME_EXCHANGE from <linux/fs.h>.
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, 1 << 1) == 0
        #elseif canImport(Darwin)
        return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }

    #if canImport(Glibc)
    /// glibc's `int renameat2(int, const char *, int, const char *, unsigned int)`.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    #endif
}
