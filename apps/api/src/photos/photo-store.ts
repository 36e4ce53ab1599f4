import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Photo files under one folder: `<municipality_id>/<22 random base64url characters>.jpg`.
 * Names are random so they reveal nothing and cannot be guessed; the database row says which
 * pin a file belongs to and whether it may be shown.
 */
export class PhotoStore {
  constructor(readonly dir: string) {}

  /** Writes a new file atomically (temporary name, then rename) and returns its relative name. */
  async write(municipalityId: number, jpeg: Buffer): Promise<string> {
    const name = `${municipalityId}/${crypto.randomBytes(16).toString('base64url')}.jpg`
    const file = this.path(name)
    await fs.mkdir(path.dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    await fs.writeFile(temporary, jpeg, { flag: 'wx' })
    await fs.rename(temporary, file)
    return name
  }

  read(name: string): Promise<Buffer> {
    return fs.readFile(this.path(name))
  }

  /** Removes a file; a file already gone is not an error. */
  async remove(name: string): Promise<void> {
    await fs.rm(this.path(name), { force: true })
  }

  /**
   * Every stored file's relative name with its modification time, e.g.
   * `[{ name: '3/AbC…xyz.jpg', modified: Date }]`; temporary files are left out.
   */
  async list(): Promise<{ name: string; modified: Date }[]> {
    let entries: import('node:fs').Dirent[]
    try {
      entries = await fs.readdir(this.dir, { recursive: true, withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const files = []
    for (const e of entries) {
      if (!e.isFile()) continue
      const name = path.relative(this.dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')
      if (!/^\d+\/[A-Za-z0-9_-]{22}\.jpg$/.test(name)) continue
      files.push({ name, modified: (await fs.stat(this.path(name))).mtime })
    }
    return files
  }

  /** The absolute path of a stored name; refuses names that would leave the folder. */
  path(name: string): string {
    if (!/^\d+\/[A-Za-z0-9_-]{22}\.jpg$/.test(name)) throw new Error(`Invalid photo file name "${name}"`)
    return path.join(this.dir, name)
  }
}
