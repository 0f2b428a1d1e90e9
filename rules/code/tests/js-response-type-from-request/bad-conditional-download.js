// A stored item served inline with the type of the query; only `mode=download` sends it as an attachment. The
// route registered inside a method: the statement that registers it holds the attachment line too.
class Server {
  configure() {
    this.app.get(`/${this.restEndpoint}/data/:path`, async (req, res) => {
      const identifier = req.params.path;
      try {
        const binaryPath = getBinaryPath(identifier);
        let { mode, fileName, mimeType } = req.query;
        if (!fileName || !mimeType) {
          try {
            const metadata = await getBinaryMetadata(identifier);
            fileName = metadata.fileName;
            mimeType = metadata.mimeType;
            res.setHeader('Content-Length', metadata.fileSize);
          }
          catch { }
        }
        if (mimeType)
          // ruleid: code/js-response-type-from-request
          res.setHeader('Content-Type', mimeType);
        if (mode === 'download') {
          res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
        }
        res.sendFile(binaryPath);
      }
      catch (error) {
        throw error;
      }
    });
  }
}
module.exports = Server;
