package vn.khcn.workflow.signature;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TrustAnchorRepository extends JpaRepository<TrustAnchor, Long> {

  boolean existsByFingerprint(String fingerprint);

  List<TrustAnchor> findAllByOrderByIdAsc();
}
