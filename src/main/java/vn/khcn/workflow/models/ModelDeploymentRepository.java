package vn.khcn.workflow.models;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelDeploymentRepository extends JpaRepository<ModelDeployment, Long> {}
